/**
 * `check --format sarif`: SARIF 2.1.0 for code-scanning uploads (GitHub
 * `upload-sarif`, GitLab, Azure). One result per finding, at the file and line
 * the finding names, else at the commit's first changed file (code scanning
 * wants a location); a fingerprint of commit and rule, so a re-run does not
 * duplicate alerts.
 */
import { CheckReport } from '../check/report';
import { TOOL } from '../version';

const LEVEL = { error: 'error', warn: 'warning' } as const;

export function renderCheckSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.meta.id, index]));
  const results = report.results.flatMap((result) =>
    result.findings.map((finding) => {
      const file = finding.file ?? result.firstFile;
      const prefix = result.sha === null ? '' : `${result.sha.slice(0, 12)} "${result.subject}": `;
      return {
        ruleId: finding.rule,
        ruleIndex: ruleIndex.get(finding.rule) ?? -1,
        level: LEVEL[finding.severity],
        message: { text: `${prefix}${finding.message}${result.sha !== null && result.split.length > 1 ? ` Suggested split: split-advisor suggest ${result.sha.slice(0, 12)}` : ''}` },
        ...(file !== null && file !== undefined
          ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(file) }, region: { startLine: finding.line ?? 1 } } }] }
          : {}),
        partialFingerprints: { 'splitAdvisorCommitRule/v1': `${result.sha ?? 'message'}:${finding.rule}` },
        ...(result.sha !== null ? { properties: { commit: result.sha, subject: result.subject } } : {}),
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            rules: report.rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: rule.meta.rationale },
              help: { text: `${rule.meta.rationale}\n\nsplit-advisor check --explain ${rule.meta.id}` },
              defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
              properties: { tags: [rule.meta.scope === 'diff' ? 'tangled-commit' : 'commit-message'] },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

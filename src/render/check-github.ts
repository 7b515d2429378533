/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per
 * finding, at its file and line when it has one, so findings show on the pull
 * request's files. Printed before the text report when GITHUB_ACTIONS is set
 * (or with `--format github`).
 */
import { CheckReport } from '../check/report';

/** Escapes a workflow command's message (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithubAnnotations(report: CheckReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const finding of result.findings) {
      const command = finding.severity === 'error' ? 'error' : 'warning';
      const properties: string[] = [];
      if (finding.file !== undefined) {
        properties.push(`file=${escapeProperty(finding.file)}`);
        if (finding.line !== undefined) properties.push(`line=${finding.line}`);
      }
      properties.push(`title=${escapeProperty(`split-advisor ${finding.rule}${result.sha !== null ? ` (${result.sha.slice(0, 12)})` : ''}`)}`);
      const prefix = result.sha !== null ? `${result.sha.slice(0, 12)} "${result.subject}": ` : '';
      lines.push(`::${command} ${properties.join(',')}::${escapeData(prefix + finding.message)}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

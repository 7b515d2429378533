/** The tool's name and version, as the JSON contract reports them (kept equal to package.json by a test). */
export const TOOL = { name: 'split-advisor', version: '0.1.0' } as const;

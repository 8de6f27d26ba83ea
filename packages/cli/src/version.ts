/** The CLI's version; kept equal to packages/cli/package.json (a test checks). */
export const VERSION = "0.1.0";

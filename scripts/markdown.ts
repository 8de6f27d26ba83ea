// Code blocks of the project's Markdown, for the tests that hold the docs to the code:
// readme.test.ts type-checks the TypeScript blocks, readme-shell.test.ts runs the shell commands
// that invoke the vitrin CLI. One extraction for both.

/** A fenced code block and the `##` or `###` heading it is under. */
export interface CodeBlock {
  heading: string;
  lang: string;
  code: string;
}

/**
 * The fenced blocks (a fence at the start of a line, ```lang) of the given languages, in
 * order. Blocks of other languages are skipped whole, so nothing inside a block is taken for a
 * heading; fences indented under list items are not blocks of the page's own.
 */
export function codeBlocks(markdown: string, langs: readonly string[]): CodeBlock[] {
  const found: CodeBlock[] = [];
  let heading = "";
  for (const match of markdown.matchAll(/^(#{2,3} .*)$|^```(\S*)\n([\s\S]*?)^```/gm)) {
    const [, title, lang = "", code = ""] = match;
    if (title !== undefined) heading = title;
    else if (langs.includes(lang)) found.push({ heading, lang, code });
  }
  return found;
}

/** A command of a shell block: continued lines joined, comments dropped. */
export interface ShellCommand {
  heading: string;
  command: string;
}

/**
 * The commands of the ```sh (and ```bash, ```shell) blocks: one per line, a line ending in `\`
 * joined to the next, `# …` comments and blank lines dropped.
 */
export function shellCommands(markdown: string): ShellCommand[] {
  return codeBlocks(markdown, ["sh", "bash", "shell"]).flatMap(({ heading, code }) =>
    code
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
      .filter((command) => command !== "")
      .map((command) => ({ heading, command })),
  );
}

// The `vitrin` executable: runs the command line against this process's streams.
import { run } from "./run.js";

const stop = new AbortController();
process.once("SIGINT", () => stop.abort(new Error("interrupted")));
process.once("SIGTERM", () => stop.abort(new Error("terminated")));

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: stop.signal,
});

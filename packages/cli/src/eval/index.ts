/** `vitrin eval`: offline quality of the browser's recommendations on public data sets. */
export {
  EVAL_USAGE,
  type EvalReport,
  evalCommand,
  evaluateData,
} from "./command.js";
export { dataDirectory, loadProtocol, PROTOCOLS, type Protocol } from "./datasets.js";
export { formatTable } from "./table.js";

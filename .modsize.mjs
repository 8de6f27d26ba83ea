import { build } from "esbuild";
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: "iife", write: false, metafile: true, target: "es2022", conditions: ["source"], define: { "process.env.NODE_ENV": '"production"' }, alias: { "@vitrin/core": "./packages/core/src/index.ts", "@vitrin/widgets": "./packages/widgets/src/index.ts" } , jsx: "automatic", jsxImportSource: "preact"});
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([k, v]) => [v.bytesInOutput, k]).sort((a, b) => b[0] - a[0]);
let t = 0; for (const [b, k] of rows) { t += b; if (b > 0) console.log(String(b).padStart(6), k); }
console.log(String(t).padStart(6), "total");
const { brotliCompressSync, constants } = await import("node:zlib");
const code = r.outputFiles[0].contents;
console.log("brotli", brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);

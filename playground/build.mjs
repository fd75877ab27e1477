// Bundles src/graphiql.jsx (GraphiQL, React, graphql-ws from package-lock.json) into
// static/playground/, which Django's staticfiles collects and WhiteNoise serves.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

const result = await esbuild.build({
  metafile: true,
  entryPoints: { graphiql: "src/graphiql.jsx" },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  outdir: "static/playground",
  define: { "process.env.NODE_ENV": '"production"' },
  // The licences of everything bundled, in graphiql.js.LEGAL.txt / graphiql.css.LEGAL.txt.
  legalComments: "linked",
  logLevel: "warning",
});
// Every npm package in the bundle, with its licence text: static/playground/LICENSES.txt.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match) packages.add(match[1]);
}
const sections = [...packages].sort().map((dir) => {
  const meta = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name));
  const text = file && existsSync(path.join(dir, file))
    ? readFileSync(path.join(dir, file), "utf8") : `License: ${meta.license}`;
  return `${meta.name}@${meta.version} (${meta.license})\n\n${text.trim()}\n`;
});
writeFileSync("static/playground/LICENSES.txt", sections.join("\n" + "-".repeat(72) + "\n\n"));
console.log(`playground: built static/playground/ (${packages.size} packages, LICENSES.txt)`);

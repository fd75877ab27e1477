import type { CodegenConfig } from "@graphql-codegen/cli";

// Operations are typed from the committed schema; CI regenerates and diffs src/gql.
const config: CodegenConfig = {
  schema: ["../schema.graphql"],
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string", Decimal: "string", BigInt: "number", JSON: "unknown", Upload: "File" },
      },
    },
  },
};
export default config;

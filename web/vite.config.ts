import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by Django under /app/ (config/webapp.py); `npm run dev` proxies the API to :8000.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: { outDir: "dist", assetsDir: "assets", sourcemap: false, modulePreload: { polyfill: false } },
  server: {
    proxy: {
      "/graphql": { target: "http://127.0.0.1:8000", ws: true },
      "/export": "http://127.0.0.1:8000",
    },
  },
});

#!/usr/bin/env node
/*
 * Serves the browser preview (dist/addin, built by `webpack --mode production`) over plain http,
 * without certificates: http://localhost:3001/preview.html. `npm start` builds and then runs this.
 *
 *   node scripts/preview-server.js            port 3001 (or $PORT; 0 picks a free port)
 *   node scripts/preview-server.js --port 0   a free port; the URL is printed
 *
 * Node's http with sirv for the files. Only files under dist/addin are served; the page
 * itself makes no request beyond this origin. Also used by the end-to-end tests (startServer).
 */
"use strict";

const http = require("http");
const fs = require("fs");
const sirv = require("sirv");
const path = require("path");

/* global require, module, process, __dirname, console */

/**
 * Starts a static server over `root` (sirv: MIME types, no paths outside `root`, no caching).
 * Resolves with { server, port, url } once listening; `port` 0 picks a free port.
 */
function startServer({
  root = path.resolve(__dirname, "../dist/addin"),
  port = 3001,
  host = "localhost",
} = {}) {
  const serve = sirv(path.resolve(root), { dev: true, etag: false });
  const server = http.createServer((req, res) => {
    if (req.url === "/") req.url = "/preview.html";
    serve(req, res, () => {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${req.url}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://localhost:${actual}/preview.html` });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--port");
  const port = Number(i >= 0 ? args[i + 1] : process.env.PORT || 3001);
  const root = path.resolve(__dirname, "../dist/addin");
  if (!fs.existsSync(path.join(root, "preview.html"))) {
    console.error(`No ${path.join(root, "preview.html")}: build first (npm run build).`);
    process.exit(1);
  }
  startServer({ root, port }).then(
    ({ url }) => {
      console.log(`SJUK preview (HyperFormula workbook + task pane): ${url}`);
      console.log("Press Ctrl+C to stop.");
    },
    (err) => {
      console.error(`Could not serve the preview on port ${port}: ${err.message}`);
      process.exit(1);
    }
  );
}

import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import { OPENAPI_DOCUMENT_PATH } from '@mini-netumo/api';

/** Swagger UI's browser files, from our own node_modules: the docs page loads nothing from another origin. */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>mini-netumo REST API</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// A file, not an inline script, so the admin listener's CSP (script-src 'self') holds here too. No validator
// badge: Swagger UI would send the document to validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({
  url: '${OPENAPI_DOCUMENT_PATH}',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
  presets: [SwaggerUIBundle.presets.apis],
});
`;

/** Interactive docs for the REST API at /api/docs: Swagger UI reading /api/openapi.json. */
export function apiDocs(): Router {
  const docs = express.Router();
  docs.get(['/', ''], (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(PAGE);
  });
  docs.get('/init.js', (_req, res) => {
    res.type('js').send(INIT);
  });
  for (const file of SWAGGER_UI_FILES) {
    docs.get(`/${file}`, (_req, res) => {
      res.sendFile(path.join(SWAGGER_UI_DIR, file), { maxAge: '1h' });
    });
  }
  return docs;
}

// The API reference: Swagger UI (from the platform's WebJar) rendering /openapi.json.
// validatorUrl null keeps Swagger UI from sending the document to validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#api',
  deepLinking: true,
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
});

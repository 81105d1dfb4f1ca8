import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from './openapi';
import { renderDocsPage } from './page';

export function registerDocsRoutes(app: FastifyInstance, version: string) {
  const document = buildOpenApiDocument(version);
  const page = renderDocsPage(document);
  app.get('/docs/openapi.json', async () => document);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
}

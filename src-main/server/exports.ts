import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { bearerOf, languageOf, sendError } from '../../src-node/http';
import type { ServedCore } from './app';
import { isAppError } from '../../src-node/app-error';

/**
 * `GET /api/exports/<file>`: downloads a file an export wrote to the data folder's exports/
 * (browser mode has no file system of its own). Managers only; names are checked so no path
 * outside that folder can be asked for.
 */
export function registerExportDownloads(app: FastifyInstance, core: ServedCore) {
  app.get<{ Params: { file: string }; Querystring: { access_token?: string } }>(
    '/api/exports/:file',
    async (request, reply) => {
      const lang = languageOf(request);
      try {
        const caller = core.events.authorize(
          bearerOf(request) ?? request.query.access_token ?? null,
        );
        if (caller.kind !== 'staff' || caller.role === 'cashier')
          return sendError(reply, lang, 'FORBIDDEN');
      } catch (error) {
        return sendError(reply, lang, isAppError(error) ? error.code : 'UNAUTHENTICATED');
      }
      const name = request.params.file;
      // The folder of the shop open now (the demo shop has its own); a file the exports wrote:
      // no dot names (`..` is the data folder), no folders.
      const file = path.join(core.dataDir, 'exports', name);
      if (!/^\w[\w.-]*$/.test(name) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile())
        return sendError(reply, lang, 'NOT_FOUND');
      reply.header('Content-Disposition', `attachment; filename="${name}"`);
      reply.type(
        name.endsWith('.xlsx')
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      );
      return reply.send(fs.createReadStream(file));
    },
  );
}

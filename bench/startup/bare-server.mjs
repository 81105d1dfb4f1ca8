// The startup bench's baseline: a bare Fastify server serving the built renderer and one JSON
// route, printing its address the way `npm run serve` does.
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const app = Fastify();
await app.register(fastifyStatic, { root: process.argv[2] });
app.post('/api/health', async () => ({ ok: true, data: { status: 'up' } }));
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`bare server listening on http://127.0.0.1:${app.server.address().port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));

// The cloud-load bench's baseline, run as its own process as a cloud node is: a bare Fastify
// server that answers the same routes with small canned answers and does nothing with them.
import Fastify from 'fastify';

const app = Fastify({ bodyLimit: 4 * 1024 * 1024 });
app.post('/v1/sync/push', async (request) => ({
  data: {
    results: (request.body as { events: { id: string }[] }).events.map((e) => ({
      id: e.id,
      status: 'accepted',
    })),
  },
}));
app.get('/v1/sync/pull', async () => ({ data: { events: [], cursor: '0', hasMore: false } }));
app.post('/v1/consumers/:merchantCode/issuances/:issuanceId/claim', async () => ({
  data: { claimed: true },
}));
app.get('/v1/consumers/:merchantCode/wallet', async () => ({ data: { coupons: [] } }));
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening on http://127.0.0.1:${(app.server.address() as { port: number }).port}`);

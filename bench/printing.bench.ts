// Printing metrics (issue 4): encoding one coupon slip, and 200 slips sent to a capture printer
// on 127.0.0.1 end to end, beside a bare socket write of the same bytes.
import net from 'node:net';
import { encodeSlip } from '../src-main/devices/printing/escpos';
import { sendTcp } from '../src-main/devices/printing/tcp';
import { couponSlip } from '../src-shared/slips/templates';
import { compare, round, time, type Metric } from './harness';

const slip = couponSlip(80, {
  merchantName: '鲜果优选',
  storeName: '鲜果优选 新街口店',
  templateName: '满100减20',
  ruleText: '满100减20',
  terms: '全场通用，不与其他优惠同享；特价商品除外。每单限用一张，过期作废。',
  code: '49291758362019485730',
  display: '4929 1758 3620 1948 5730',
  qrPayload: 'SD1.k1.49291758362019485730.mjq1s0f.AZNl4hI0erw-7wEjRWeJqw.AAAAAAAAAAAAAA',
  validUntilText: '2026-12-21 23:59',
  issuedAtText: '2026-11-21 10:00',
});

async function captureServer() {
  let bytes = 0;
  const server = net.createServer((socket) =>
    socket.on('data', (chunk) => (bytes += chunk.length)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as net.AddressInfo).port, received: () => bytes };
}

export async function printingBench(): Promise<Metric[]> {
  const encode = await time(() => encodeSlip(slip), { iterations: 2000 });
  const bytes = encodeSlip(slip);
  // Baseline for encoding: copying the finished bytes (the floor of producing a buffer).
  const copy = await time(() => Buffer.from(bytes), { iterations: 2000 });

  const { server, port } = await captureServer();
  const slips = 200;
  const start = performance.now();
  for (let i = 0; i < slips; i++) await sendTcp({ host: '127.0.0.1', port }, encodeSlip(slip));
  const endToEnd = performance.now() - start;
  const bareStart = performance.now();
  for (let i = 0; i < slips; i++)
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () =>
        socket.end(bytes, () => resolve()),
      );
      socket.on('error', reject);
    });
  const bare = performance.now() - bareStart;
  server.close();

  return [
    compare(
      'encode one coupon slip (80 mm, GBK, QR, CODE128)',
      encode,
      'Buffer copy of the same bytes',
      copy,
      {
        field: 'p99Ms',
        target: '<= 2 ms',
        met: encode.p99Ms <= 2,
      },
    ),
    {
      name: `${slips} coupon slips to a capture printer (encode + TCP)`,
      unit: 'slips/s',
      value: Math.round((slips / endToEnd) * 1000),
      baselineName: 'bare socket writes of the same bytes',
      baseline: Math.round((slips / bare) * 1000),
      ratio: round(bare / endToEnd),
      extra: { bytesPerSlip: bytes.length, totalMs: round(endToEnd) },
    },
  ];
}

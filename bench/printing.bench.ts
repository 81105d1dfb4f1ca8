// Printing metrics (issue 4): encoding one coupon slip, and 200 slips sent to a capture printer
// on 127.0.0.1 end to end (status query included, as with a real printer), beside a bare socket
// write of the same bytes; and dithering a logo for 80 mm paper beside decoding its PNG.
import net from 'node:net';
import { PNG } from 'pngjs';
import { encodeSlip } from '../src-main/devices/printing/escpos';
import { readPng } from '../src-main/devices/printing/logo';
import { sendTcp } from '../src-main/devices/printing/tcp';
import { logoRaster } from '../src-shared/slips/dither';
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

/** Takes the bytes like port 9100 and answers DLE EOT queries "all fine" (0x12), as printers do. */
async function captureServer() {
  let bytes = 0;
  const server = net.createServer((socket) =>
    socket.on('data', (chunk) => {
      bytes += chunk.length;
      for (let i = 0; i + 2 < chunk.length && chunk[i] === 0x10 && chunk[i + 1] === 0x04; i += 3)
        socket.write(Buffer.from([0x12]));
    }),
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

  // An 800 × 200 logo with a gradient: the work of dithering, beside reading the PNG file.
  const png = new PNG({ width: 800, height: 200 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = png.data[i + 1] = png.data[i + 2] = (i / 4) % 256;
    png.data[i + 3] = 255;
  }
  const file = PNG.sync.write(png);
  const dither = await time(() => logoRaster(readPng(file)!, 576), { iterations: 50 });
  const decode = await time(() => readPng(file), { iterations: 50 });

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
    compare('logo 800×200 PNG → 576-dot dithered raster', dither, 'PNG decode alone', decode),
  ];
}

// Long coupon work off the main thread: issuing a batch of up to a million codes, or exporting
// one. Its own SQLite connection; a write transaction per chunk, so tills keep redeeming in
// between. Posts progress; stops after the current chunk when told to.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { displayCode } from '../../../src-shared/coupons/codes';
import { zhCN } from '../../../src-shared/i18n/zh-CN';
import { localDateTime } from '../../../src-shared/time';
import { defaultCoreConfig } from '../config';
import { AppDatabase } from '../db/database';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import { EventBus } from '../platform/event-bus';
import { startWorkerJob } from '../platform/worker-job';
import { buildSharedServices } from '../shared-services';
import { privateFile, privateFolder } from '../platform/private-files';
import { couponBatches } from './schema';
import type { BatchTask, BatchWorkerMessage } from './batch-protocol';

const CHUNK = 5_000;
let cancelled = false;
parentPort!.on('message', (message: string) => {
  if (message === 'cancel') cancelled = true;
});
// Listening for 'cancel' must not keep the worker alive once its work is done.
parentPort!.unref();

const { task, sqlite, db, post } = await startWorkerJob<BatchTask, BatchWorkerMessage>();
const adb = new AppDatabase(sqlite, db, new EventBus());
// The same services as the main thread's, so a chunk is counted and announced as a till's issue.
const { issuer, keys } = buildSharedServices(adb, { now: () => task.issuedAt }, defaultCoreConfig);
keys.prime(task.ownKeys ?? []);

/** Lets the 'cancel' message in between chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function issueBatch(job: Extract<BatchTask, { kind: 'issue' }>) {
  let issued = 0;
  while (issued < job.count && !cancelled) {
    const count = Math.min(CHUNK, job.count - issued);
    adb.write(() => {
      issuer.issueWithin(
        SYSTEM_CONTEXT,
        { templateId: job.templateId, count, storeId: job.storeId, timeZone: job.timeZone },
        job.batchId,
      );
      db.update(couponBatches)
        .set({ issued: sql`${couponBatches.issued} + ${count}` })
        .where(eq(couponBatches.id, job.batchId))
        .run();
    });
    issued += count;
    post({ type: 'progress', done: issued, total: job.count });
    await breathe();
  }
  return { done: issued, cancelled };
}

/** The file speaks its header's language: the state of each code in words, not `active`. */
type CouponStatus = keyof typeof zhCN.couponStatuses;

async function exportBatch(job: Extract<BatchTask, { kind: 'export' }>) {
  // Load the signing key first: the connection is busy while the rows below are iterated.
  keys.current();
  const rows = sqlite
    .prepare(
      `SELECT code, template_id AS templateId, valid_from AS validFrom, valid_until AS validUntil, status
       FROM coupons WHERE batch_id = ? ORDER BY code`,
    )
    .iterate(job.batchId) as Iterable<{
    code: string;
    templateId: string;
    validFrom: number;
    validUntil: number;
    status: CouponStatus;
  }>;
  const header = ['券码', '显示券码', '二维码内容', '生效时间', '失效时间', '状态'];
  privateFolder(path.dirname(job.file));
  privateFile(job.file);
  let done = 0;
  const toRow = (c: {
    code: string;
    templateId: string;
    validFrom: number;
    validUntil: number;
    status: CouponStatus;
  }) => [
    c.code,
    displayCode(c.code),
    issuer.qrPayload(c.code, c.templateId, c.validUntil),
    localDateTime(c.validFrom, job.timeZone),
    localDateTime(c.validUntil, job.timeZone),
    zhCN.couponStatuses[c.status],
  ];
  if (job.format === 'csv') {
    const out = fs.createWriteStream(job.file);
    // A BOM so Excel opens the Chinese header as UTF-8; codes as text so no digit is lost.
    out.write('\ufeff' + header.join(',') + '\n');
    for (const coupon of rows) {
      const [code, ...rest] = toRow(coupon);
      if (!out.write(`="${code}",${rest.join(',')}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      if (++done % 10_000 === 0) post({ type: 'progress', done, total: job.total });
      if (cancelled) break;
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: job.file,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('券码');
    sheet.addRow(header).commit();
    for (const coupon of rows) {
      sheet.addRow(toRow(coupon)).commit();
      if (++done % 10_000 === 0) {
        post({ type: 'progress', done, total: job.total });
        await breathe();
      }
      if (cancelled) break;
    }
    sheet.commit();
    await workbook.commit();
  }
  return { done, cancelled };
}

try {
  const result = task.kind === 'issue' ? await issueBatch(task) : await exportBatch(task);
  post({ type: 'finished', ...result });
} catch (error) {
  post({
    type: 'failed',
    message:
      error instanceof Error
        ? ((error as Error & { code?: string }).code ?? error.message)
        : String(error),
  });
} finally {
  sqlite.close();
}

// Which codes a job printed, for jobs started from this window. A job does not list its codes
// (a batch may hold ten thousand), so 补打 from the queue is offered for the jobs whose codes this
// window knows; the server could answer it for any job with a reprint-by-job method.
import type { PrintJob } from '../../../../src-shared/contract/printing';

const codesByJob = new Map<string, string[]>();

export const rememberJobCodes = (jobId: string, codes: string[]) => codesByJob.set(jobId, codes);

export const jobCodes = (job: PrintJob): string[] | undefined =>
  job.kind === 'coupons' || job.kind === 'cashback' ? codesByJob.get(job.id) : undefined;

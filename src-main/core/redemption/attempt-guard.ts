// The guard moved to codes-guard/, shared by every path that looks a code up; this name stays
// for callers in redemption/ that construct or type it.
export { AttemptGuard } from '../codes-guard/guard';

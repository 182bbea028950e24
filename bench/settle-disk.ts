import { execFileSync } from 'node:child_process';

/**
 * Waits for the kernel to write out what seeding just wrote (`sync`), so the measured turns do
 * not pay for the write-back of 200,000 freshly made files, which a running school never has.
 */
export function settleDisk(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // No sync command here: measure as it is.
  }
}

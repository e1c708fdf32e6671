import { MemoryWaits } from '../../support/memory';
import { describeWaitQueue } from '../../support/wait-queue-contract';

/** The in-memory fake keeps the officers' queue by the same rules as the table (test/integration). */
describe('MemoryWaits', () => {
  const waits = new MemoryWaits();
  describeWaitQueue(() => waits);
});

import { Stage, WaitingFor } from '../../shared/domain/stage';
import { awaitPerson } from '../../shared/services/waits';

/**
 * The applicant's answers wait on `stage` (Eligibility unless told), parked by the workflow as it is in AWS:
 * `awaitPerson` with the task token the workflow gave. Returns the wait's decision id.
 */
export async function parkAnswersWait(
  deps: Parameters<typeof awaitPerson>[0],
  {
    applicationId,
    stage = Stage.Eligibility,
    taskToken,
  }: { applicationId: string; stage?: Stage; taskToken: string },
): Promise<string> {
  const { decisionId } = await awaitPerson(deps, {
    applicationId,
    stage,
    kind: 'answers',
    waitingFor: WaitingFor.Applicant,
    taskToken,
  });
  return decisionId;
}

// The default job description: which repository, workflow and run started the job, so a job
// seen in the AWS console leads back to its run. Only read from the workflow's own context.
import { codePoints } from './validation.js'
import { SHAPES } from './constraints.js'

const DESCRIPTION_MAX = SHAPES.ResourceDescription.max

export async function defaultDescription(): Promise<string> {
  const { context } = await import('@actions/github')
  // context.repo throws outside a workflow run (no GITHUB_REPOSITORY).
  if (!process.env['GITHUB_REPOSITORY']) return 'Started by GitHub Actions'
  const repository = `${context.repo.owner}/${context.repo.repo}`
  const run = `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
  return fitDescription(`Started by GitHub Actions: ${repository}, workflow "${context.workflow}", run ${run}`)
}

/** Keeps a description within the model's pattern and length, whatever a workflow name holds. */
export function fitDescription(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF]/g, '')
  return codePoints(clean) <= DESCRIPTION_MAX ? clean : [...clean].slice(0, DESCRIPTION_MAX - 1).join('') + '…'
}

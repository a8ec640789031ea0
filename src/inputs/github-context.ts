// The default job description: which repository, workflow and run started the job, so a job
// seen in the AWS console leads back to its run. Read from the runner's variables in the
// environment the step was given, as @actions/github's context reads them.
import type { Environment } from './settings.js'
import { codePoints } from './validation.js'
import { SHAPES } from './constraints.js'

const DESCRIPTION_MAX = SHAPES.ResourceDescription.max

export function defaultDescription(env: Environment): string {
  const repository = env['GITHUB_REPOSITORY']
  if (!repository) return 'Started by GitHub Actions'
  const [owner, repo] = repository.split('/')
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com'
  const run = `${server}/${owner}/${repo}/actions/runs/${parseInt(env['GITHUB_RUN_ID'] ?? '', 10)}`
  return fitDescription(`Started by GitHub Actions: ${owner}/${repo}, workflow "${env['GITHUB_WORKFLOW']}", run ${run}`)
}

/** Keeps a description within the model's pattern and length, whatever a workflow name holds. */
export function fitDescription(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF]/g, '')
  return codePoints(clean) <= DESCRIPTION_MAX ? clean : [...clean].slice(0, DESCRIPTION_MAX - 1).join('') + '…'
}

import { describeFailure } from '../src/failures.js'
import type { Settings } from '../src/inputs.js'
import { AccessDeniedException, ConflictException, ServiceQuotaExceededException } from '../src/cleanroomsml/index.js'

const SETTINGS: Settings = {
  request: {
    name: 'job-1',
    configuredAudienceModelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m',
    seedAudience: { roleArn: 'arn:aws:iam::123456789012:role/seed', dataSource: { s3Uri: 's3://b/k' } }
  },
  region: 'us-east-1',
  credentials: {
    source: 'oidc',
    roleArn: 'arn:aws:iam::123456789012:role/deploy',
    audience: 'custom-aud',
    roleSessionName: 's',
    durationSeconds: 900
  },
  waitForCompletion: true,
  waitTimeoutSeconds: 60,
  ifExists: 'reuse',
  dryRun: false
}

function named(name: string, message = 'm', metadata: object = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: metadata })
}

function describe_(error: unknown, settings = SETTINGS) {
  return describeFailure(error, settings, { GITHUB_REPOSITORY: 'o/r' }, 'Doing it')
}

describe('a failure annotation names the exception and what to do', () => {
  it('titles the annotation with the type and the step, and carries status, request id and attempts', () => {
    const failure = describe_(
      new AccessDeniedException({
        message: 'User is not authorized',
        $metadata: { httpStatusCode: 403, requestId: 'r-1', attempts: 1 }
      })
    )
    expect(failure.errorType).toBe('AccessDeniedException')
    expect(failure.title).toBe('AccessDeniedException: Doing it failed')
    expect(failure.message.split('\n')[0]).toBe('User is not authorized (HTTP 403, request id r-1, 1 attempt)')
  })

  it('lists every IAM action the inputs need on AccessDenied', () => {
    const message = describe_(named('AccessDeniedException')).message
    for (const action of [
      'cleanrooms-ml:StartAudienceGenerationJob on arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m',
      'iam:PassRole on arn:aws:iam::123456789012:role/seed',
      'cleanrooms-ml:ListAudienceGenerationJobs (if-exists: reuse)',
      'cleanrooms-ml:GetAudienceGenerationJob (wait-for-completion)'
    ]) {
      expect(message).toContain(action)
    }
    expect(message).not.toContain('TagResource')
  })

  it('gives the quota on ServiceQuotaExceeded, with or without its name', () => {
    const withQuota = new ServiceQuotaExceededException({ $metadata: {}, quotaName: 'Jobs', quotaValue: 10 })
    expect(describe_(withQuota).message).toContain('Quota Jobs (10) is reached')
    expect(describe_(named('ServiceQuotaExceededException')).message).toContain(
      'Quota on audience generation jobs is reached'
    )
  })

  it('tells a plain conflict from one a lost attempt caused', () => {
    expect(describe_(new ConflictException({ $metadata: { attempts: 1 } })).message).toContain(
      'job names are unique per account'
    )
    expect(describe_(new ConflictException({ $metadata: { attempts: 2 } })).message).toContain('lost its answer')
  })

  // With if-exists: fail, what to change depends on how the name was built and which attempt of the run this is.
  it.each([
    [
      'a re-run of a run whose id is in the name',
      'weekly-4242',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' },
      'this is attempt 2 of run 4242, and a re-run keeps github.run_id, so an earlier attempt most likely started ' +
        'this job. Set if-exists: reuse to carry on with it on re-runs, or add github.run_attempt to the name'
    ],
    [
      "another job of the run, the run's id in the name",
      'weekly-4242',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' },
      "its name includes this run's id (4242): another job or step of this run (a matrix leg, for example)"
    ],
    [
      'a name that is the same on every run',
      'weekly',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '3' },
      'this name is the same on every run. Include github.run_id in the name'
    ],
    ['a name outside a workflow run', 'weekly', {}, 'this name is the same on every run']
  ])('explains a conflict on %s', (_case, name, env, hint) => {
    const settings: Settings = { ...SETTINGS, ifExists: 'fail', request: { ...SETTINGS.request, name } }
    const conflict = new ConflictException({ message: 'taken', $metadata: { attempts: 1 } })
    const message = describeFailure(conflict, settings, env, 'Doing it').message
    expect(message).toContain(`A job named "${name}" already exists`)
    expect(message).toContain(hint)
  })

  it.each([
    ['InvalidIdentityTokenException', 'token.actions.githubusercontent.com:aud = custom-aud'],
    ['IDPRejectedClaimException', 'repo:o/r:*'],
    ['AccessDenied', 'trust policy'],
    ['ExpiredTokenException', 'expired'],
    ['ThrottlingException', 'Run fewer jobs at once'],
    ['Throttling', 'Run fewer jobs at once'],
    ['ResourceNotFoundException', 'exists in us-east-1'],
    ['ValidationException', 'a rule only the service knows'],
    ['StepCancelled', 'keeps running in AWS'],
    ['WaitTimeout', 'Raise wait-timeout-seconds'],
    ['JobFailed', 'AWS Clean Rooms console'],
    ['ExistingJobMismatch', 'same name, model and collaboration'],
    ['TimeoutError', 'No answer came in time']
  ])('%s has a hint', (name, hint) => {
    expect(describe_(named(name)).message).toContain(hint)
  })

  it('falls back on the HTTP status for unknown errors, and on nothing for unknown client errors', () => {
    expect(describe_(named('Weird', 'boom', { httpStatusCode: 502 })).message).toContain("This is on AWS's side")
    expect(describe_(named('Weird', 'boom', { httpStatusCode: 400 })).message).toBe('boom (HTTP 400)')
  })

  it('describes things that are not errors, and errors without a message', () => {
    expect(describe_('a string')).toMatchObject({ errorType: 'Error', message: 'a string' })
    expect(describe_(named('Empty', '  ')).message).toBe('no message')
  })

  it('uses the default audience in the trust hint when credentials come from the environment', () => {
    const message = describe_(named('AccessDenied'), { ...SETTINGS, credentials: { source: 'environment' } }).message
    expect(message).toContain('aud = sts.amazonaws.com')
  })
})

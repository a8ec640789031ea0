// if-exists in-process, against the emulator: reuse carries on only with a job that is alive, and
// replace-failed lets "Re-run failed jobs" recover from a failed job of the same name.
import type { Emulator, Job, RecordedRequest } from '../emulator/index.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { MODEL_ARN, OTHER_MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'release-audience' }
const REUSE = { ...INPUTS, 'if-exists': 'reuse' }
const REPLACE = { ...INPUTS, 'if-exists': 'replace-failed' }

const inProcess = inProcessSteps()
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
})

function existing(status: Job['status'], model = MODEL_ARN): Job {
  return emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: model, status })
}

function operations(): string[] {
  return emulator.requests.filter((r) => r.service === 'cleanrooms-ml').map((r) => r.operation)
}

/** The error annotations of a log, as the runner reads them. */
function errors(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('::error '))
    .map((line) => line.slice(line.indexOf('::', 2) + 2))
}

const ALIVE = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE'] as const
const DEAD = ['CREATE_FAILED', 'DELETE_PENDING', 'DELETE_IN_PROGRESS', 'DELETE_FAILED'] as const

describe('if-exists: reuse never passes a dead job', () => {
  it.each(ALIVE)('reuses a job that is %s', async (status) => {
    const job = existing(status)
    const result = await inProcess.step(REUSE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': job.audienceGenerationJobArn,
      created: 'false'
    })
    expect(operations()).not.toContain('DeleteAudienceGenerationJob')
  })

  it.each(DEAD.flatMap((status) => [[status, 'false'] as const, [status, 'true'] as const]))(
    'fails on a job that is %s (wait-for-completion: %s), naming the status and the way out',
    async (status, wait) => {
      const job = existing(status)
      const result = await inProcess.step({ ...REUSE, 'wait-for-completion': wait }, ENV_CREDENTIALS)
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        'error-type': 'ExistingJobNotReusable',
        'audience-generation-job-arn': job.audienceGenerationJobArn,
        created: 'false',
        status
      })
      const [annotation, ...others] = errors(result.log)
      expect(others).toEqual([])
      expect(annotation).toContain(`it is ${status}`)
      expect(annotation).toMatch(/new job name/)
      if (status !== 'DELETE_FAILED') expect(annotation).toContain('if-exists: replace-failed')
      expect(result.summary).toMatch(/Created by this step.*no: a job of that name already exists/)
      // Nothing was deleted, nothing started but the one refused request, no status checks.
      expect(operations().filter((op) => op !== 'ListAudienceGenerationJobs')).toEqual(['StartAudienceGenerationJob'])
      expect(emulator.jobs).toHaveLength(1)
    }
  )
})

describe('if-exists: replace-failed recovers a re-run from a failed job', () => {
  it('deletes the CREATE_FAILED job, waits until it is gone, and starts the job again', async () => {
    const failed = existing('CREATE_FAILED')
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(emulator.jobs).toHaveLength(1)
    const replacement = emulator.jobs[0]!
    expect(replacement.audienceGenerationJobArn).not.toBe(failed.audienceGenerationJobArn)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': replacement.audienceGenerationJobArn,
      created: 'true'
    })
    expect(result.outputs['error-type']).toBeUndefined()
    expect(operations()).toEqual([
      'StartAudienceGenerationJob',
      'ListAudienceGenerationJobs',
      'DeleteAudienceGenerationJob',
      'GetAudienceGenerationJob',
      'GetAudienceGenerationJob',
      'StartAudienceGenerationJob'
    ])
    const deletion = emulator.requests.find((r) => r.operation === 'DeleteAudienceGenerationJob')!
    expect(deletion.method).toBe('DELETE')
    expect(result.log).toMatch(
      new RegExp(`^::notice title=Replaced the failed .*${failed.audienceGenerationJobArn}`, 'm')
    )
    expect(result.summary).toMatch(/Created by this step.*yes/)
    expect(result.summary).toMatch(new RegExp(`Replaced failed job.*${failed.audienceGenerationJobArn}`))
  })

  it.each(ALIVE)('reuses a job that is %s exactly as reuse does, deleting nothing', async (status) => {
    const job = existing(status)
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': job.audienceGenerationJobArn,
      created: 'false'
    })
    expect(operations()).not.toContain('DeleteAudienceGenerationJob')
  })

  it.each(['DELETE_PENDING', 'DELETE_IN_PROGRESS'] as const)(
    'waits until a job that is %s is gone, then starts, without deleting it again',
    async (status) => {
      emulator.deletion = { checks: 3, outcome: 'gone' }
      const old = existing(status)
      const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
      expect(result.exitCode).toBe(0)
      expect(result.outputs['created']).toBe('true')
      expect(operations()).not.toContain('DeleteAudienceGenerationJob')
      expect(operations().filter((op) => op === 'GetAudienceGenerationJob')).toHaveLength(4)
      expect(emulator.jobs.map((job) => job.audienceGenerationJobArn)).not.toContain(old.audienceGenerationJobArn)
    }
  )

  it('fails on a job whose deletion failed, as reuse does', async () => {
    existing('DELETE_FAILED')
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ 'error-type': 'ExistingJobNotReusable', status: 'DELETE_FAILED' })
    expect(operations()).not.toContain('DeleteAudienceGenerationJob')
  })

  it('never deletes a job of that name for another model', async () => {
    existing('CREATE_FAILED', OTHER_MODEL_ARN)
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    expect(operations()).not.toContain('DeleteAudienceGenerationJob')
    expect(emulator.jobs).toHaveLength(1)
  })

  it('never deletes a job of that name in another collaboration', async () => {
    existing('CREATE_FAILED')
    const result = await inProcess.step(
      { ...REPLACE, 'collaboration-id': '22222222-2222-2222-2222-222222222222' },
      ENV_CREDENTIALS
    )
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    expect(operations()).not.toContain('DeleteAudienceGenerationJob')
  })

  it('makes no call before the start when no job of that name exists', async () => {
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(operations()).toEqual(['StartAudienceGenerationJob'])
  })

  it('fails when the deletion itself fails, starting nothing', async () => {
    existing('CREATE_FAILED')
    emulator.deletion = { checks: 2, outcome: 'DELETE_FAILED' }
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('ExistingJobNotReusable')
    expect(errors(result.log)[0]).toContain('DELETE_FAILED')
    expect(operations().filter((op) => op === 'StartAudienceGenerationJob')).toHaveLength(1)
  })

  it('gives up on a deletion that never ends at its own deadline, starting nothing', async () => {
    existing('CREATE_FAILED')
    emulator.deletion = { checks: Infinity, outcome: 'gone' }
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('DeletionTimeout')
    const [annotation] = errors(result.log)
    expect(annotation).toContain('still DELETE_IN_PROGRESS after 5m 0s')
    expect(annotation).toContain('Re-run later')
    // A check every 5 s for 5 minutes, and not one more start.
    const checks = operations().filter((op) => op === 'GetAudienceGenerationJob').length
    expect(checks).toBeGreaterThanOrEqual(60)
    expect(checks).toBeLessThanOrEqual(62)
    expect(operations().filter((op) => op === 'StartAudienceGenerationJob')).toHaveLength(1)
  })

  it('names the permission to delete when access is denied', async () => {
    existing('CREATE_FAILED')
    emulator.fault('cleanrooms-ml', 'DeleteAudienceGenerationJob', {
      kind: 'error',
      status: 403,
      type: 'AccessDeniedException',
      message: 'not allowed'
    })
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('AccessDeniedException')
    expect(errors(result.log)[0]).toContain('cleanrooms-ml:DeleteAudienceGenerationJob')
    expect(result.log).toMatch(/title=AccessDeniedException%3A Replacing the failed job of the same name failed::/)
  })

  it('stops at once when cancelled during the deletion wait, and starts nothing', async () => {
    const failed = existing('CREATE_FAILED')
    emulator.deletion = { checks: Infinity, outcome: 'gone' }
    let startsAtSignal = -1
    const onRequest = (request: RecordedRequest): void => {
      if (request.operation !== 'GetAudienceGenerationJob' || startsAtSignal >= 0) return
      startsAtSignal = operations().filter((op) => op === 'StartAudienceGenerationJob').length
      process.emit('SIGTERM', 'SIGTERM')
    }
    const result = await inProcess.step(REPLACE, ENV_CREDENTIALS, undefined, { onRequest })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(operations().filter((op) => op === 'StartAudienceGenerationJob')).toHaveLength(startsAtSignal)
    expect(operations().filter((op) => op === 'GetAudienceGenerationJob')).toHaveLength(1)
    expect(errors(result.log)[0]).toContain(`The failed job ${failed.audienceGenerationJobArn} was being replaced`)
  })
})

// Input problems, all reported at once. GitHub shows at most 10 error annotations per step, so
// beyond 10 problems the first 9 are annotations and a tenth counts the rest; every problem is
// still in the log, and in the job summary as far as GitHub's size limit for it allows.
import type { Problem } from '../inputs/settings.js'
import * as log from '../log.js'
import { writeSummary, type Prose } from './summary.js'

/** Annotations for input problems, the one that counts the rest included. */
const MAX_PROBLEM_ANNOTATIONS = 10

/**
 * Characters of problems in the job summary. GitHub refuses a step's summary over 1 MiB; escaped as
 * HTML, with a row's markup, this many characters stay below it whatever they are.
 */
const SUMMARY_PROBLEM_CHARS = 128 * 1024

function line(problem: Problem): string {
  return `Input ${problem.input} ${problem.message}.`
}

function annotate(problem: Problem): void {
  log.error(line(problem), { title: `Invalid input: ${problem.input}` })
}

export async function reportProblems(problems: Problem[], summaryPath: string | undefined): Promise<void> {
  const annotated = problems.length > MAX_PROBLEM_ANNOTATIONS ? MAX_PROBLEM_ANNOTATIONS - 1 : problems.length
  problems.slice(0, annotated).forEach(annotate)
  for (const problem of problems.slice(annotated)) log.info(line(problem))
  const rest = problems.length - annotated
  if (rest > 0) {
    log.error(`${rest} more input problems are listed in the log and the job summary.`, {
      title: `Invalid inputs: ${rest} more`
    })
  }
  log.info(`${problems.length} input problem${problems.length === 1 ? '' : 's'} found; nothing was sent to AWS.`)
  // Every problem is in the log, even when there are thousands and the reader is slow.
  await log.flush()
  await writeSummary(
    {
      heading: 'Clean Rooms ML audience generation job: invalid inputs',
      paragraphs: [
        {
          label: 'What happened',
          prose: [
            `${problems.length === 1 ? 'One input problem was' : `${problems.length} input problems were`} found, `,
            'each listed with the rule it breaks. Nothing was sent to AWS.'
          ]
        },
        { label: 'What to do', prose: ['Correct every input listed, then run the workflow again.'] }
      ],
      header: ['Input', 'Problem'],
      rows: summaryRows(problems)
    },
    summaryPath
  )
}

/** Each input with its problem, the sentence of its annotation, read as text. */
function summaryRows(problems: Problem[]): [string, Prose][] {
  const rows: [string, Prose][] = []
  let size = 0
  for (const problem of problems) {
    size += problem.input.length + problem.message.length
    if (size > SUMMARY_PROBLEM_CHARS) {
      rows.push(['…', [`${problems.length - rows.length} more problems, listed in the log.`]])
      break
    }
    rows.push([problem.input, ['Input ', { code: problem.input }, ` ${problem.message}.`]])
  }
  return rows
}

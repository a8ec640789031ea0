// A SQL seed query read from a file of the workspace. Inputs reach the action as environment
// variables, which Linux refuses over 128 KiB each, while the model allows a 500,000-character query;
// and SQL belongs in a reviewed file, not in YAML. The file must be inside GITHUB_WORKSPACE, however
// its path is written (`..`, an absolute path, a symbolic link): a workflow input must not make the
// action send a file from elsewhere on the runner. Problems name the path, never the file's content.
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { SHAPES } from './constraints.js'
import { codePoints, quote } from './validation.js'

const QUERY = SHAPES.ProtectedQuerySQLParametersQueryStringString

/** A character is at most 4 bytes of UTF-8: a larger file cannot hold a query within the limit. */
export const MAX_SEED_FILE_BYTES = 4 * QUERY.max

export type SeedFileResult = { ok: true; query: string } | { ok: false; problem: string }

function refuse(problem: string): SeedFileResult {
  return { ok: false, problem }
}

/** Whether `path` is `root` or below it, both absolute. */
function isInside(root: string, path: string): boolean {
  const rest = relative(root, path)
  return !isAbsolute(rest) && rest.split(/[\\/]/)[0] !== '..'
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : 'an unknown error'
}

/** Reads the query from `path`, relative to `workspace`; a problem says which rule the path or file breaks. */
export function readSeedFile(path: string, workspace: string | undefined): SeedFileResult {
  const shown = quote(path)
  if (workspace === undefined || workspace.trim() === '') {
    return refuse(`needs GITHUB_WORKSPACE, the folder its path is relative to; it is not set (path ${shown})`)
  }
  if (path.includes('\0')) return refuse(`must be a path; ${shown} contains a NUL character`)
  const root = resolve(workspace)
  const target = resolve(root, path)
  if (!isInside(root, target)) {
    return refuse(`must name a file inside the workspace (GITHUB_WORKSPACE); ${shown} leaves it`)
  }
  let real: string
  try {
    real = realpathSync(target)
  } catch (error) {
    const code = codeOf(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return refuse(`must name a file of the workspace (GITHUB_WORKSPACE); ${shown} does not exist there`)
    }
    return refuse(`must name a readable file; ${shown} cannot be reached (${code})`)
  }
  if (!isInside(realpathSync(root), real)) {
    return refuse(
      `must name a file inside the workspace (GITHUB_WORKSPACE); ${shown} is a symbolic link to a file outside it`
    )
  }
  return readQuery(real, shown)
}

function readQuery(real: string, shown: string): SeedFileResult {
  let bytes: Buffer
  try {
    bytes = readBounded(real, shown)
  } catch (error) {
    if (error instanceof SeedFileProblem) return refuse(error.message)
    return refuse(`must name a readable file; ${shown} cannot be read (${codeOf(error)})`)
  }
  let query: string
  try {
    query = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refuse(`must be UTF-8 text; ${shown} is not valid UTF-8`)
  }
  if (query.trim() === '') return refuse(`must name a file with a SQL query; ${shown} is empty`)
  const length = codePoints(query)
  if (length > QUERY.max) {
    return refuse(
      `must name a query of at most ${QUERY.max} characters (${QUERY.shape}); ${shown} has ${length} characters`
    )
  }
  return { ok: true, query }
}

class SeedFileProblem extends Error {}

/**
 * The file's bytes. Only a regular file is opened (a named pipe would block the step until something
 * writes to it), and one too large for any query within the limit is refused without reading it.
 */
function readBounded(real: string, shown: string): Buffer {
  const stat = statSync(real)
  if (!stat.isFile()) throw new SeedFileProblem(`must name a file; ${shown} is not a regular file`)
  if (stat.size > MAX_SEED_FILE_BYTES) {
    throw new SeedFileProblem(
      `must name a query of at most ${QUERY.max} characters (${QUERY.shape}); ${shown} has ${stat.size} bytes`
    )
  }
  return readFileSync(real)
}

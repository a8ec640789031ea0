import { readFileSync } from 'node:fs'

/**
 * Generic validation of decoded JSON input against a botocore (C2J) service model.
 *
 * The emulator validates requests the way the service does, from the model rather than
 * from hand-written rules, so that a client which passes here sends what AWS's own
 * model allows and a model update only needs a new copy of the JSON file.
 */

/** Load the trimmed Clean Rooms ML model shipped beside this file (never a shared folder). */
export function loadModel() {
  return JSON.parse(readFileSync(new URL('./cleanroomsml-model.json', import.meta.url), 'utf8'))
}

/** Java int range: the service is a JVM service, so larger integers fail to parse there. */
const INT_MIN = -2147483648
const INT_MAX = 2147483647

const patternCache = new Map()

/**
 * C2J drops the `^…$` that the Smithy model has on every pattern; Smithy patterns are
 * not implicitly anchored, so re-adding exactly those two characters restores the
 * service's rule.
 */
function anchored(pattern) {
  let re = patternCache.get(pattern)
  if (!re) {
    re = new RegExp(`^${pattern}$`)
    patternCache.set(pattern, re)
  }
  return re
}

/** Smithy length counts Unicode scalar values, not UTF-16 units. */
export function codePointLength(s) {
  return [...s].length
}

function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Values echoed in messages are shortened, and never shown for sensitive shapes. */
function show(value, sensitive) {
  if (sensitive) return ''
  let text = typeof value === 'string' ? value : JSON.stringify(value)
  if (text === undefined) text = String(value)
  if (text.length > 100) text = `${text.slice(0, 100)}...`
  return ` '${text}'`
}

function join(path, member) {
  return path ? `${path}.${member}` : member
}

/**
 * Validate `value` against shape `shapeName` of `model`.
 * @returns {string[]} one AWS-style message per violation (empty when valid)
 */
export function validateShape(model, shapeName, value, path = '') {
  const errors = []
  walk(model, shapeName, value, path, false, errors)
  return errors
}

/** Turn violations into the single message AWS puts in a ValidationException. */
export function validationMessage(errors) {
  const n = errors.length
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${errors.join('; ')}`
}

function walk(model, shapeName, value, path, inSensitive, errors) {
  const shape = model.shapes[shapeName]
  if (!shape) throw new Error(`shape ${shapeName} is not in the model`)
  const sensitive = inSensitive || shape.sensitive === true
  const fail = (constraint) =>
    errors.push(`Value${show(value, sensitive)} at '${path}' failed to satisfy constraint: ${constraint}`)
  switch (shape.type) {
    case 'structure':
      return walkStructure(model, shapeName, shape, value, path, sensitive, errors, fail)
    case 'list':
      return walkList(model, shape, value, path, sensitive, errors, fail)
    case 'map':
      return walkMap(model, shape, value, path, sensitive, errors, fail)
    case 'string':
      return checkString(shape, value, fail)
    case 'integer':
    case 'long':
      return checkInteger(shape, value, fail)
    case 'double':
    case 'float':
      return checkNumber(shape, value, fail)
    case 'boolean':
      if (typeof value !== 'boolean') fail('Member must be a boolean')
      return undefined
    case 'timestamp':
      if (typeof value !== 'string' && typeof value !== 'number') fail('Member must be a timestamp')
      return undefined
    case 'blob':
      if (typeof value !== 'string') fail('Member must be a base64-encoded blob')
      return undefined
    default:
      throw new Error(`unsupported shape type ${shape.type}`)
  }
}

function walkStructure(model, shapeName, shape, value, path, sensitive, errors, fail) {
  if (!isPlainObject(value)) return fail('Member must be a structure')
  const members = shape.members ?? {}
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(members, key)) {
      errors.push(`Member '${join(path, key)}' is not a known member of ${shapeName}`)
    }
  }
  // In restJson1 a member set to null is the same as a member left out.
  const present = Object.keys(members).filter((m) => value[m] !== undefined && value[m] !== null)
  for (const required of shape.required ?? []) {
    if (!present.includes(required)) {
      errors.push(`Value null at '${join(path, required)}' failed to satisfy constraint: Member must not be null`)
    }
  }
  if (shape.union && present.length !== 1) {
    errors.push(
      `Value at '${path}' failed to satisfy constraint: Union ${shapeName} must have exactly one member set, found ${present.length}`
    )
  }
  for (const member of present) {
    walk(model, members[member].shape, value[member], join(path, member), sensitive, errors)
  }
  return undefined
}

function checkSize(shape, size, fail, what) {
  if (shape.min !== undefined && size < shape.min) {
    fail(`Member must have ${what} greater than or equal to ${shape.min}`)
  }
  if (shape.max !== undefined && size > shape.max) {
    fail(`Member must have ${what} less than or equal to ${shape.max}`)
  }
}

function walkList(model, shape, value, path, sensitive, errors, fail) {
  if (!Array.isArray(value)) return fail('Member must be a list')
  checkSize(shape, value.length, fail, 'length')
  value.forEach((item, i) => {
    const itemPath = `${path}[${i}]`
    if (item === null || item === undefined) {
      errors.push(`Value null at '${itemPath}' failed to satisfy constraint: Member must not be null`)
    } else {
      walk(model, shape.member.shape, item, itemPath, sensitive, errors)
    }
  })
  return undefined
}

function walkMap(model, shape, value, path, sensitive, errors, fail) {
  if (!isPlainObject(value)) return fail('Member must be a map')
  const entries = Object.entries(value)
  checkSize(shape, entries.length, fail, 'length')
  for (const [key, item] of entries) {
    walk(model, shape.key.shape, key, `${path} (key)`, sensitive, errors)
    const itemPath = join(path, key)
    if (item === null || item === undefined) {
      errors.push(`Value null at '${itemPath}' failed to satisfy constraint: Member must not be null`)
    } else {
      walk(model, shape.value.shape, item, itemPath, sensitive, errors)
    }
  }
  return undefined
}

function checkString(shape, value, fail) {
  if (typeof value !== 'string') return fail('Member must be a string')
  if (shape.enum && !shape.enum.includes(value)) {
    return fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`)
  }
  checkSize(shape, codePointLength(value), fail, 'length')
  if (shape.pattern !== undefined && !anchored(shape.pattern).test(value)) {
    fail(`Member must satisfy regular expression pattern: ^${shape.pattern}$`)
  }
  return undefined
}

function checkRange(shape, value, fail) {
  if (shape.min !== undefined && value < shape.min) {
    fail(`Member must have value greater than or equal to ${shape.min}`)
  }
  if (shape.max !== undefined && value > shape.max) {
    fail(`Member must have value less than or equal to ${shape.max}`)
  }
}

function checkInteger(shape, value, fail) {
  const fits =
    shape.type === 'long'
      ? Number.isSafeInteger(value)
      : Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX
  if (!fits) {
    return fail('Member must be an integer')
  }
  checkRange(shape, value, fail)
  return undefined
}

function checkNumber(shape, value, fail) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Member must be a number')
  checkRange(shape, value, fail)
  return undefined
}

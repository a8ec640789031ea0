// The rules every printed line follows, over generated text (fast-check): untrusted text stays on
// one line with nothing hidden in it, and no line the action prints is a command to the runner.
import fc from 'fast-check'
import { defuse, inline, safeJson } from '../src/log.js'
import { readAsRunner } from './helpers/runner-commands.js'

/** Text built to look like commands: fragments of both forms, line breaks and invisible characters. */
const commandLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('::', '##[', ']', 'error', 'add-mask', 'stop-commands', ' ', '\t', '\u3000'),
      fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u200b', '\ufeff', '\u00ad', '\u{e0001}'),
      fc.string({ unit: 'binary', maxLength: 8 })
    ),
    { maxLength: 30 }
  )
  .map((parts) => parts.join(''))

const anyText = fc.oneof(commandLike, fc.string({ unit: 'binary', maxLength: 200 }))

describe('untrusted text is shown on one line, with nothing hidden', () => {
  it('has no line break, control, format or ignorable character left', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(inline(text)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u)
      })
    )
  })

  it('keeps printable text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...[...'ab:#[] é名😀-/']), maxLength: 40 }), (text) => {
        expect(inline(text)).toBe(text)
      })
    )
    expect(inline('a\nb\rc\td\u200be')).toBe('a\\nb\\rc\\td\\u200be')
    expect(inline('\u{e0001}')).toBe('\\udb40\\udc01')
  })
})

describe('no printed line is a runner command', () => {
  it('whatever untrusted text a line holds, and wherever', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, text) => {
        for (const line of [text, `${before}${text}`, `Status ${inline(text)} after`, `${inline(text)}`]) {
          expect(readAsRunner(defuse(line)).commands).toEqual([])
        }
      })
    )
  })

  it("leaves the action's own lines as they are", () => {
    const own = 'Dry run: every input is valid.\n  "name": "x"\nStatus ACTIVE after 1s'
    expect(defuse(own)).toBe(own)
  })

  it('neutralises both forms visibly, with JSON escapes', () => {
    expect(defuse('  ::error::x')).toBe('  \\u003a:error::x')
    expect(defuse('a ##[error]b\n::warning::c')).toBe('a ##\\u005berror]b\n\\u003a:warning::c')
  })
})

describe('a JSON printout stays JSON', () => {
  it('reads back to the same value, and holds no command', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, anyText, { maxKeys: 5 }), (value) => {
        const printed = safeJson(value)
        expect(JSON.parse(printed)).toEqual(value)
        expect(readAsRunner(printed).commands).toEqual([])
      })
    )
  })
})

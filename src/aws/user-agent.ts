// What every request to AWS says it comes from, as AWS's own actions do: the action's name and
// version, from package.json when the bundle is built.
import packageJson from '../../package.json' with { type: 'json' }

export const USER_AGENT = `${packageJson.name}/${packageJson.version}`

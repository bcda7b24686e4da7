import { buildConfig } from 'payload'

import { configFor, restrictPayloadCollections } from './config'
import { getEnv } from './env'

/** The configuration Next, the CLI and the start script load; its parts are in ./config. */
export default buildConfig(configFor(getEnv())).then(restrictPayloadCollections)

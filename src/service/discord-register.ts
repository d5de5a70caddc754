// `npm run discord:register`: the .env filled in, then the Discord adapter's command registration.
import { loadDotEnv } from './dotenv.js';
import { main } from '../adapters/discord/register.js';

loadDotEnv(process.env);
process.exitCode = await main();

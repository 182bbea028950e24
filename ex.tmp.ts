import path from 'node:path';
import { loadAppData } from './src/app/load-app-data.js';
import { PROJECT_DIR } from './src/config.js';
const data = await loadAppData({ WAYPOINT_FRAMEWORK: path.join(PROJECT_DIR, 'data/frameworks/missouri.json') }, { withOnet: false });
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify((await data.understanding.classifier.classify(t, (process.env.ROLE ?? 'student') as any)).slice(0,3)));

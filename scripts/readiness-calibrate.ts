import { simulateCalibration } from '../src/domain/readinessSimulation';

const candidates = Number(process.argv[2] ?? 50);
const started = performance.now();
const result = simulateCalibration({ candidates, seed: 1 });
console.log(result.summary, 'notEnough', result.notEnough, `${((performance.now() - started) / 1000).toFixed(1)} s`);

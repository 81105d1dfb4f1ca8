const mb = () => { const m = process.memoryUsage(); return `heapUsed ${Math.round(m.heapUsed / 1e6)} total ${Math.round(m.heapTotal / 1e6)}`; };
const t0 = performance.now();
const mods = process.argv.slice(2);
console.log('start', mb());
for (const m of mods) { await import(m); console.log(m, (performance.now() - t0).toFixed(0), 'ms', mb()); }

export default function ConsolePage() {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Dispatcher Map</h1>
      <p className="text-slate-400">The console is being built.</p>
    </main>
  );
}

// Compiles the explorer's WebAssembly off the page's thread (app.js,
// explorerInstantiate, sends the module's URL and instantiates what comes
// back). Chromium decodes a module streamed in with
// WebAssembly.instantiateStreaming on the thread that asked for it; on the
// page's thread that is some 100-180 ms of a first visit, taken from the
// page's own parsing, layout and paint. Here it runs beside them.
onmessage = async (e) => {
  try {
    const module = await WebAssembly.compileStreaming(fetch(e.data));
    postMessage({ module });
  } catch (err) {
    postMessage({ error: String(err) });
  }
};

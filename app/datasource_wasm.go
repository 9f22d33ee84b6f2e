//go:build wasm

package app

import (
	"errors"
	"syscall/js"

	"obligations-explorer/clauses/compiled"
)

// In the browser the corpus's text comes from data/ beside the site (see
// package compiled), fetched once; the service worker precaches it.
func init() {
	compiled.Source = fetchData
}

// fetchData fetches data/<name> and waits for it. It blocks its goroutine
// only: callers run it from ctx.Async.
func fetchData(name string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Get("length").Int())
		js.CopyBytesToGo(b, arr)
		done <- result{b: b}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "network error"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		done <- result{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	js.Global().Call("explorerFetchBytes", Base()+"/data/"+name).Call("then", ok, fail)
	r := <-done
	return r.b, r.err
}

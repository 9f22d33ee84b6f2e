//go:build wasm

package main

// hostMain is only meaningful on the host; the browser build never calls it.
func hostMain() {}

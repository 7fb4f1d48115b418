package main

import "testing"

func TestWork(t *testing.T) {
	if work(2) != 4 {
		t.Fatal("work(2) != 4")
	}
}

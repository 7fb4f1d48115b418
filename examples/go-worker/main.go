package main

import (
	"fmt"
	"time"
)

func work(n int) int { return n * 2 }

func main() {
	for i := 0; ; i++ {
		fmt.Println("processed", work(i))
		time.Sleep(time.Second)
	}
}

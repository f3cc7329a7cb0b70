package model_test

import "os"

var readFile = os.ReadFile

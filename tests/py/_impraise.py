print("executing _impraise")
1 / 0

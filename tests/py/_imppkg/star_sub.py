print("executing _imppkg.star_sub")
STAR = "star"

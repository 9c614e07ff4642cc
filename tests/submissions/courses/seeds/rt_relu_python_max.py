# expect: fail
# function: relu
# bug: python_max
# line: 6
def relu(x):
    return max(0, x)

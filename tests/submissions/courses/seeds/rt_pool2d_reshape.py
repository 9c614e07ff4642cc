# expect: fail
# function: max_pool_2d
# bug: odd_size_refused
# line: 9


def max_pool_2d(x):
    C, H, W = x.shape
    return x.reshape(C, H // 2, 2, W // 2, 2).max(axis=(2, 4))

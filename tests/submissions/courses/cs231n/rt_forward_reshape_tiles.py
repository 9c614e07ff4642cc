# expect: fail
# function: max_pool_forward_naive
# bug: reshape_non_overlapping
# line: 12


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    pool_height = pool_param["pool_height"]
    pool_width = pool_param["pool_width"]
    # split the image into pool_height x pool_width tiles and take each tile's max
    x_reshaped = x.reshape(N, C, H // pool_height, pool_height, W // pool_width, pool_width)
    out = x_reshaped.max(axis=3).max(axis=4)
    cache = (x, pool_param)
    return out, cache

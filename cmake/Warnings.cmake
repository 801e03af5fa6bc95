# news_set_warnings(target): warnings (and -Werror) on the project's own targets
# only, never globally; sanitizers when NEWS_SANITIZE or NEWS_SANITIZE_THREAD is on.
function(news_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
    -Wconversion -Wdouble-promotion -Wformat=2
    -Wimplicit-fallthrough
    -Wno-missing-field-initializers)  # designated initialisers may omit members
  if(NEWS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(NEWS_FUZZ)
    # every library is instrumented for libFuzzer's coverage feedback; only
    # the fuzz targets link libFuzzer's main (fuzz/CMakeLists.txt)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
      -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(NEWS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(NEWS_SANITIZE_THREAD)
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  endif()
endfunction()
